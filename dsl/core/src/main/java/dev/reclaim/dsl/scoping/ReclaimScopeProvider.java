package dev.reclaim.dsl.scoping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.MapBasedScope;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;

import dev.reclaim.dsl.reclaim.Model;
import dev.reclaim.dsl.reclaim.ReclaimPackage;

/**
 * LANGUAGE.md's visibility rules: vocabulary (permissions, contexts, layers) comes from the file
 * and its direct imports, the file's own declarations shadowing imported ones; everything else is
 * a member of the enclosing system. Names are simple, so no index or qualified names are needed.
 * Scopes are hash-based and cached per resource: a system with thousands of members links in
 * linear time.
 */
public class ReclaimScopeProvider extends AbstractReclaimScopeProvider {

    @Inject
    private IResourceScopeCache cache;

    @Override
    public IScope getScope(EObject context, EReference reference) {
        EClass type = reference.getEReferenceType();
        if (isVocabulary(type)) {
            Model model = EcoreUtil2.getContainerOfType(context, Model.class);
            if (model == null) {
                return IScope.NULLSCOPE;
            }
            return cache.get(Tuples.create(ReclaimScopeProvider.class, model, type), context.eResource(),
                    () -> vocabularyScope(model, type));
        }
        dev.reclaim.dsl.reclaim.System system = EcoreUtil2.getContainerOfType(context, dev.reclaim.dsl.reclaim.System.class);
        if (system == null) {
            return IScope.NULLSCOPE;
        }
        return cache.get(Tuples.create(ReclaimScopeProvider.class, system, type), context.eResource(),
                () -> scope(IScope.NULLSCOPE, system.getMembers(), type));
    }

    private static IScope vocabularyScope(Model model, EClass type) {
        List<EObject> imported = new ArrayList<>();
        for (Model m : Imports.direct(model)) {
            imported.addAll(m.getElements());
        }
        return scope(scope(IScope.NULLSCOPE, imported, type), model.getElements(), type);
    }

    static boolean isVocabulary(EClass type) {
        ReclaimPackage p = ReclaimPackage.eINSTANCE;
        return type == p.getPermission() || type == p.getContext() || type == p.getContextMember()
                || type == p.getLayer();
    }

    /** The named elements of {@code type}; the first of several with one name wins, as duplicates are errors. */
    private static IScope scope(IScope parent, List<? extends EObject> elements, EClass type) {
        List<IEObjectDescription> descriptions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EObject e : elements) {
            if (type.isSuperTypeOf(e.eClass())) {
                Object name = e.eGet(e.eClass().getEStructuralFeature("name"));
                if (name instanceof String s && seen.add(s)) {
                    descriptions.add(EObjectDescription.create(s, e));
                }
            }
        }
        return MapBasedScope.createScope(parent, descriptions);
    }
}
