// autocannon ships no types; the bench uses only this call.
declare module "autocannon" {
  function autocannon(options: Record<string, unknown>): Promise<unknown>;
  export default autocannon;
}
