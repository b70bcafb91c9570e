// Module DOT.
