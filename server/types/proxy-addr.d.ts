// proxy-addr ships no types and @types/proxy-addr is not installed here: the three calls we use.
declare module "proxy-addr" {
  import type { IncomingMessage } from "node:http";

  type Trust = (addr: string, index: number) => boolean;
  function proxyaddr(req: IncomingMessage, trust: Trust | string | string[]): string;
  namespace proxyaddr {
    function all(req: IncomingMessage, trust?: Trust | string | string[]): string[];
    function compile(val: string | string[]): Trust;
  }
  export default proxyaddr;
}
