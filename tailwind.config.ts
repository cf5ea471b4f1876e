import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        hall: {
          50: "#fdf4f3",
          100: "#fbe6e3",
          500: "#c0392b",
          600: "#a93226",
          700: "#8e2a20",
        },
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "sans-serif"],
      },
    },
  },
  plugins: [],
} satisfies Config;
