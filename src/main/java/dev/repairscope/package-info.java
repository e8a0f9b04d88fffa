/**
 * RepairScope: a deterministic simulation of a Dynamo-style replicated store and a JavaFX window
 * onto it. Layers, bottom up: {@code sim} (time, events, randomness, journal), {@code net},
 * {@code cluster}, {@code repair} (hints, read repair, anti-entropy), {@code check} (the oracle),
 * {@code scenario} (files and runs), {@code cli} (headless) and {@code ui} (the window).
 */
package dev.repairscope;
