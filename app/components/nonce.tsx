import { createContext, useContext } from "react";

/** The nonce of this response's Content-Security-Policy, for the inline scripts Remix renders. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
