#ifndef PEPQA_CINFLATE_SHIM_H
#define PEPQA_CINFLATE_SHIM_H
/* zlib's inflate, for checking a Word package's deflated parts before ZIPFoundation reads them
   (PEPReaders' PartInflater, which inflates every deflated part of a Word package). Not named CZlib: ZIPFoundation's own zlib module has that name. */
#include <zlib.h>

/* inflateInit2 is a macro Swift does not import; raw deflate (no zlib header), as in ZIP. */
static inline int cinflate_init_raw(z_stream *stream) { return inflateInit2(stream, -MAX_WBITS); }
#endif
