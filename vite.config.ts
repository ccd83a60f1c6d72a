import { defineConfig } from "vite";

export default defineConfig({
  build: {
    // vite 8 minifies CSS with lightningcss, which rejects a pseudo-element
    // selector in Slidev's client styles ("Invalid token in pseudo element").
    cssMinify: false,
  },
});
