#include "AllocationPadding.h"

#include <stddef.h>
#include <string.h>

/* glibc's own allocator, under the names it exports for wrappers such as these. */
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *block, size_t size);

enum { RELMAP_ALLOCATION_PAD = 32 };

/* Set once, before the render worker starts Graphviz, and only read afterwards. */
static volatile int padding;

void relmap_pad_allocations(void) { padding = 1; }

void *malloc(size_t size) {
    if (!padding) return __libc_malloc(size);
    if (size > (size_t)-1 - RELMAP_ALLOCATION_PAD) return NULL;
    char *block = __libc_malloc(size + RELMAP_ALLOCATION_PAD);
    if (block) memset(block + size, 0, RELMAP_ALLOCATION_PAD);
    return block;
}

void *calloc(size_t count, size_t size) {
    if (!padding) return __libc_calloc(count, size);
    if (size != 0 && count > ((size_t)-1 - RELMAP_ALLOCATION_PAD) / size) return NULL;
    return __libc_calloc(1, count * size + RELMAP_ALLOCATION_PAD);
}

void *realloc(void *block, size_t size) {
    if (!padding) return __libc_realloc(block, size);
    if (size > (size_t)-1 - RELMAP_ALLOCATION_PAD) return NULL;
    char *moved = __libc_realloc(block, size + RELMAP_ALLOCATION_PAD);
    if (moved) memset(moved + size, 0, RELMAP_ALLOCATION_PAD);
    return moved;
}
