import { createTheme } from "@mantine/core";

/** Dense and calm: a tool people keep open all day. */
export const theme = createTheme({
  primaryColor: "blue",
  defaultRadius: "sm",
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  fontFamilyMonospace: "'JetBrains Mono', ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  headings: { fontWeight: "650" },
  cursorType: "pointer",
  components: {
    Button: { defaultProps: { fw: 500 } },
    Badge: { styles: { root: { textTransform: "none", fontWeight: 600, letterSpacing: 0 } } },
    Modal: { defaultProps: { overlayProps: { backgroundOpacity: 0.4, blur: 2 } } },
    Tooltip: { defaultProps: { openDelay: 400, withArrow: true } },
  },
});
