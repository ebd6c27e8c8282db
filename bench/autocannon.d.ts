// autocannon ships no types; the bench uses only this call: a run that is awaited and emits each response.
declare module "autocannon" {
  type Run = PromiseLike<unknown> & { on(event: "response", listener: () => void): unknown };
  function autocannon(options: Record<string, unknown>): Run;
  export default autocannon;
}
