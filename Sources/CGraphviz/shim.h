#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* cgraph's default memory and I/O disciplines are mutable C globals; Swift 6 refuses to read those
   directly, so they are copied out here once, when the ID discipline is built. */
static inline Agmemdisc_t relmap_default_memory_discipline(void) { return AgMemDisc; }
static inline Agiodisc_t relmap_default_io_discipline(void) { return AgIoDisc; }

/* Exported by libgvc without a declaration in its installed headers. */
/* Loads the text layout plugin (pango); 999 (NO_SUPPORT) when there is none. */
extern int gvtextlayout_select(GVC_t *gvc);
/* Loads the plugin of `api` for `type` ("svg", "dot"...); NULL when none can be loaded. */
extern gvplugin_available_t *gvplugin_load(GVC_t *gvc, api_t api, const char *type);
