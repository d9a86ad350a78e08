/** Mantine's PostCSS preset: light-dark(), rem() and the breakpoint mixins in the web app's CSS. */
module.exports = {
  plugins: {
    "postcss-preset-mantine": {},
  },
};
