/** Which lab's code this server runs, as the runner set it: e.g. "solutions/bauth10". */
export function labLabel(): string {
  return process.env.PLAYGROUND_LAB ?? "неизвестная лаба";
}
