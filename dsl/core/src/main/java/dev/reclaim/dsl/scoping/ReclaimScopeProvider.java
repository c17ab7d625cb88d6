package dev.reclaim.dsl.scoping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;

import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.ReclaimPackage;

/**
 * LANGUAGE.md's visibility rules: vocabulary (permissions, contexts, layers) comes from the file
 * and its direct imports, the file's own declarations shadowing imported ones; everything else is
 * a member of the enclosing system. Names are simple, so no index or qualified names are needed.
 */
public class ReclaimScopeProvider extends AbstractReclaimScopeProvider {

    @Override
    public IScope getScope(EObject context, EReference reference) {
        EClass type = reference.getEReferenceType();
        if (isVocabulary(type)) {
            Model model = EcoreUtil2.getContainerOfType(context, Model.class);
            if (model == null) {
                return IScope.NULLSCOPE;
            }
            List<EObject> imported = new ArrayList<>();
            for (Model m : Imports.direct(model)) {
                collect(m.getElements(), type, imported);
            }
            List<EObject> local = new ArrayList<>();
            collect(model.getElements(), type, local);
            return Scopes.scopeFor(local, Scopes.scopeFor(imported));
        }
        dev.reclaim.dsl.reclaim.System system = EcoreUtil2.getContainerOfType(context, dev.reclaim.dsl.reclaim.System.class);
        if (system == null) {
            return IScope.NULLSCOPE;
        }
        List<EObject> members = new ArrayList<>();
        collect(system.getMembers(), type, members);
        return Scopes.scopeFor(members);
    }

    static boolean isVocabulary(EClass type) {
        ReclaimPackage p = ReclaimPackage.eINSTANCE;
        return type == p.getPermission() || type == p.getContext() || type == p.getContextMember()
                || type == p.getLayer();
    }

    private static void collect(List<? extends EObject> elements, EClass type, List<EObject> out) {
        for (EObject e : elements) {
            if (type.isSuperTypeOf(e.eClass())) {
                out.add(e);
            }
        }
    }
}
