import pino from "pino";

/** Structured JSON logs, one line per event. LOG_LEVEL: trace|debug|info|warn|error|silent (default info). */
export const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: undefined });
