package dev.ami.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The live heap read from jcmd GC.heap_info, whichever collector the server runs. */
class HeapInfoTest {

    @Test
    void g1NamesOneHeap() {
        assertEquals(88_000, WildFlyServer.usedHeapKib("""
                 garbage-first heap   total 1048576K, used 88000K [0x00000000c0000000, 0x0000000100000000)
                  region size 1024K, 2 young (2048K), 0 survivors (0K)
                 Metaspace       used 129000K, committed 130000K, reserved 1179648K
                """));
    }

    @Test
    void theSerialCollectorsGenerationsAreSummed() {
        assertEquals(1_234 + 70_000, WildFlyServer.usedHeapKib("""
                 def new generation   total 19648K, used 1234K [0x00000000e0000000, 0x00000000e1550000, 0x00000000eaaa0000)
                  eden space 17472K,   7% used [0x00000000e0000000, 0x00000000e0134000, 0x00000000e1110000)
                 tenured generation   total 43712K, used 70000K [0x00000000eaaa0000, 0x00000000ed550000, 0x0000000100000000)
                 Metaspace       used 129000K, committed 130000K, reserved 1179648K
                """));
    }

    @Test
    void anUnknownFormatIsNamed() {
        assertThrows(IllegalStateException.class, () -> WildFlyServer.usedHeapKib("no heap here"));
    }
}
