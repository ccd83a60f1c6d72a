const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Makes sure a server this process started is stopped however the process
 * ends: Ctrl-C, a kill, or an exit without teardown. `stopNow` must be
 * synchronous, since nothing can be awaited in an exit handler. Returns the
 * function that removes these guards after a normal, awaited stop.
 */
export function stopOnExit(stopNow: () => void): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    stopNow();
    process.removeListener(signal, onSignal);
    // Alone, re-raise with the default handler so the exit status says how the run ended;
    // otherwise the other listener (Vitest's own) decides how to finish.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once("exit", stopNow);
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  return () => {
    process.removeListener("exit", stopNow);
    for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
  };
}
