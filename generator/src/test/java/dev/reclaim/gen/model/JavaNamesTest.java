package dev.reclaim.gen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The naming and escaping rules of docs/GENERATE.md. */
class JavaNamesTest {
    @Test
    void constantsTypesAndMethods() {
        assertEquals("KERNEL", JavaNames.constant("KERNEL"));
        assertEquals("NO_FS", JavaNames.constant("noFs"));
        assertEquals("NO_FS", JavaNames.constant("no_fs"));
        assertEquals("EXT4_JOURNAL", JavaNames.constant("ext4Journal"));
        assertEquals("_0", JavaNames.constant("_"));
        assertEquals("Seed2019Buggy", JavaNames.type("seed_2019_buggy"));
        assertEquals("LoopIolock", JavaNames.type("loop_iolock"));
        assertEquals("dmThin", JavaNames.method("dm_thin"));
        assertEquals("int_", JavaNames.method("int"));
        assertEquals("class_", JavaNames.method("Class"));
    }

    @Test
    void packages() {
        assertEquals("linux.storage", JavaNames.packageOf("linux.storage"));
        assertEquals("linux.storage.seed.seed_2019_buggy", JavaNames.packageOf("linux.storage.seed.seed_2019_buggy"));
        assertEquals("class_.int_.default_", JavaNames.packageOf("class.int.default"));
        assertEquals("my.policy", JavaNames.packageOf("My.Policy"));
        assertEquals("_2019.x", JavaNames.packageOf("2019.x"));
        assertTrue(JavaNames.legalPackage("com.example.reclaim"));
        assertFalse(JavaNames.legalPackage("com.int"));
        assertFalse(JavaNames.legalPackage("com..x"));
        assertFalse(JavaNames.legalPackage("com.1x"));
        assertFalse(JavaNames.legalPackage(""));
    }

    @Test
    void clashesAreNumberedInDeclarationOrderIgnoringCase() {
        JavaNames.Scope fields = new JavaNames.Scope("_");
        assertEquals("FS", fields.claim("FS"));
        assertEquals("FS_2", fields.claim("FS"));
        assertEquals("fs_3", fields.claim("fs"));
        JavaNames.Scope types = new JavaNames.Scope("", "String");
        assertEquals("String2", types.claim("String"));
        assertEquals("Storage", types.claimGroup("Storage", "", "Permissions"));
        assertEquals("Storage2", types.claimGroup("Storage", "", "Layers"));
    }
}
