/**
 * The headless runner: {@code run FILE} plays a scenario without a window and prints its report
 * (text or JSON), optionally writing the journal as JSONL. Exit codes: 0 every expectation held,
 * 1 one failed, 2 bad input or usage. The only package besides {@code scenario} that uses Jackson,
 * and the only one that prints.
 */
package dev.repairscope.cli;
