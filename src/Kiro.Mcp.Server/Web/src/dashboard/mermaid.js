// Draws the spec page's mermaid blocks (<pre class="mermaid"> holding the diagram's source as text).
// securityLevel "strict": diagrams come from repository files, so their labels' HTML is sanitized and clicks run nothing.
import mermaid from "mermaid";

const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });

let drawing = false;
let again = false;

async function draw() {
  // One pass at a time: mermaid's own changes to the page call this again while it draws.
  if (drawing) {
    again = true;
    return;
  }
  drawing = true;
  try {
    do {
      again = false;
      const blocks = document.querySelectorAll("pre.mermaid:not([data-processed])");
      if (blocks.length > 0) {
        // A diagram that does not parse stays as its source text.
        await mermaid.run({ nodes: blocks, suppressErrors: true }).catch(() => {});
      }
    } while (again);
  } finally {
    drawing = false;
  }
}

draw();
// The live update swaps <main>: draw the diagrams of the new one too.
new MutationObserver(draw).observe(document.body, { childList: true, subtree: true });
