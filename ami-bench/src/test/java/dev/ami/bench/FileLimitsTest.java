package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileLimitsTest {

    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max open files            20000                20000                files
            Max locked memory         8388608              8388608              bytes
            """;

    @Test
    void readsTheOpenFilesRowOfProcLimits() {
        FileLimits.Limit limit = FileLimits.parse(LIMITS);
        assertEquals(new FileLimits.Limit(20_000, 20_000), limit);
        assertTrue(limit.allows(20_000));
        assertFalse(limit.allows(104_096));
        assertEquals("20000 (hard 20000)", limit.toString());
    }

    @Test
    void unlimitedAllowsAnything() {
        FileLimits.Limit limit = FileLimits.parse("Max open files            unlimited            unlimited            files\n");
        assertTrue(limit.allows(Long.MAX_VALUE));
        assertEquals("unlimited (hard unlimited)", limit.toString());
    }

    @Test
    void aTextWithoutTheRowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FileLimits.parse("Max cpu time unlimited unlimited seconds\n"));
    }

    @Test
    void theKernelsMaximumIsReadWhole() throws Exception {
        String text = new String(java.nio.file.Files.newInputStream(java.nio.file.Path.of("/proc/sys/fs/nr_open"))
                .readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
        assertEquals(Long.parseLong(text), FileLimits.systemMax());
        assertTrue(FileLimits.systemMax() >= 1024, "fs.nr_open " + FileLimits.systemMax());
    }

    @Test
    void thisProcessHasALimitThatAllowsWhatItHasOpen() {
        FileLimits.Limit own = FileLimits.of(ProcessHandle.current().pid());
        assertTrue(own.allows(ProcStat.descriptors(ProcessHandle.current().pid())));
    }
}
