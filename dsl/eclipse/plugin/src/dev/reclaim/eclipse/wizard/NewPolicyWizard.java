package dev.reclaim.eclipse.wizard;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

/** File > New > reclaim Policy: a .reclaim file holding the starter policy, opened in the editor. */
public class NewPolicyWizard extends BasicNewResourceWizard {
    private WizardNewFileCreationPage page;

    @Override
    public void addPages() {
        page = new WizardNewFileCreationPage("policy", getSelection()) {
            @Override
            protected InputStream getInitialContents() {
                String name = getFileName().replaceFirst("\\.reclaim$", "").replaceAll("[^A-Za-z0-9_]", "_");
                if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
                    name = "p_" + name;
                }
                return new ByteArrayInputStream(StarterPolicy.text(name).getBytes(StandardCharsets.UTF_8));
            }
        };
        page.setTitle("reclaim Policy");
        page.setDescription("Create a .reclaim policy file with a starter system.");
        page.setFileExtension("reclaim");
        page.setFileName("policy.reclaim");
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IFile file = page.createNewFile();
        if (file == null) {
            return false;
        }
        selectAndReveal(file);
        try {
            IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(getClass()).log(e.getStatus());
        }
        return true;
    }
}
