// Module GraphvizRendering.
