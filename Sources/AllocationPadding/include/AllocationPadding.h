#ifndef RELMAP_ALLOCATION_PADDING_H
#define RELMAP_ALLOCATION_PADDING_H

/* From the call on, every block malloc, calloc and realloc hand out has RELMAP_ALLOCATION_PAD zeroed bytes
   after the size asked for. Graphviz 2.43's multi-edge router (neato's mkRouter and makeMultiSpline, used
   by twopi, neato and sfdp for parallel edges that must bend) writes and then reads one int past an array
   it allocated; without the padding that int lands in whatever follows the block, and the worker aborts
   ("double free or corruption", "malloc assertion failure") on some runs and not others. With it, the write
   lands in the padding and the read finds zero, every time. Called by a render worker before Graphviz
   starts; the main process never pads. */
void relmap_pad_allocations(void);

#endif
