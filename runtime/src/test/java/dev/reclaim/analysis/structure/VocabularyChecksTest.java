package dev.reclaim.analysis.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.reclaim.findings.Finding;
import dev.reclaim.model.Layer;
import dev.reclaim.model.SourcePos;
import dev.reclaim.model.Vocabulary;
import dev.reclaim.testing.FindingText;
import dev.reclaim.testing.TestSystems;

class VocabularyChecksTest {

    private static Layer layer(String name, int line, String guard, String... below) {
        return new Layer(name, List.of(below), guard, null, SourcePos.of("v.reclaim", line, 1));
    }

    @Test
    void linuxOrderIsFine() {
        assertEquals(List.of(), VocabularyChecks.check(TestSystems.linuxVocabulary(), "linux.storage"));
    }

    @Test
    void cycleNamesEveryLayerOfTheShortestCycle() {
        Vocabulary v = new Vocabulary();
        v.addPermission("fs", null, SourcePos.UNKNOWN);
        v.addLayer(layer("fs", 1, "fs", "dm"));
        v.addLayer(layer("dm", 2, null, "fs"));
        v.addLayer(layer("block", 3, null, "dm"));
        List<Finding> f = VocabularyChecks.check(v, "p");
        assertEquals(List.of("layer-cycle:1: layer order has a cycle: fs below dm below fs"), FindingText.of(f));
        assertEquals("p/layer fs", f.get(0).declaration());
        assertEquals(List.of("fs below dm", "dm below fs"),
                f.get(0).related().stream().map(r -> r.message()).toList());
    }

    @Test
    void layerBelowItself() {
        Vocabulary v = new Vocabulary();
        v.addLayer(layer("loop", 4, null, "loop"));
        assertEquals(List.of("layer-cycle:4: layer order has a cycle: loop below loop"),
                FindingText.of(VocabularyChecks.check(v, null)));
    }

    @Test
    void unknownNamesInLayers() {
        Vocabulary v = new Vocabulary();
        v.addLayer(layer("dm", 2, "io", "fss"));
        assertEquals(List.of("unknown-name:2: layer dm is below unknown layer 'fss'",
                        "unknown-name:2: layer dm is guarded by unknown permission 'io'"),
                FindingText.of(VocabularyChecks.check(v, null)));
    }
}
