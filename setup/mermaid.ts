import { defineMermaidSetup } from "@slidev/types";

// Local fonts only: the classroom may have no internet.
export default defineMermaidSetup(() => ({
  theme: "neutral",
  fontFamily: "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif",
  flowchart: { htmlLabels: true, useMaxWidth: true },
  sequence: { useMaxWidth: true },
  gantt: { barHeight: 26, barGap: 6, leftPadding: 130 },
  themeVariables: { fontSize: "15px" },
  // Mermaid draws step numbers (autonumber) at a fixed 12 px and gantt axis dates at a fixed 10 px;
  // notes refer to both, so they must read from the back of the room too.
  themeCSS: ".sequenceNumber { font-size: 14px; } .grid .tick text { font-size: 15px; }",
}));
