package dev.ami.bench;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One case of the reliability harness: an attack, how long it runs, and what Asterisk does under
 * the same abuse (the reference the results are set beside).
 *
 * @param id       the name {@code -Dreliability.cases=} selects it by
 * @param title    what the attack is, for the report
 * @param asterisk Asterisk 22.10.1's behaviour under it: measured where RELIABILITY.md has a figure,
 *                 otherwise what its source does, said as such
 * @param window    how long the attack runs while the legitimate client is probed
 * @param byDefault whether a run without {@code -Dreliability.cases} runs it
 * @param attack    makes the attack (a new one per run)
 */
record ReliabilityCase(String id, String title, String asterisk, Duration window, boolean byDefault,
                       Supplier<Attack> attack) {
}
