#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* cgraph's default memory and I/O disciplines are mutable C globals; Swift 6 refuses to read those
   directly, so they are copied out here once, when the ID discipline is built. */
static inline Agmemdisc_t relmap_default_memory_discipline(void) { return AgMemDisc; }
static inline Agiodisc_t relmap_default_io_discipline(void) { return AgIoDisc; }
