/**
 * The staleness lab's window: the PBS experiment of {@code dev.repairscope.staleness} run for
 * several (R, W) pairs off the FX thread, plotted as P(consistent read) against t with the latency
 * percentiles beside it, exported as PNG and CSV.
 */
package dev.repairscope.ui.staleness;
