/* Names of the core's enumerations, generated from their X-macro lists so
 * that a new entry cannot be left without a name. */
#include <ringside/step.h>

const char *rs_step_kind_name(rs_step_kind k) {
  static const char *const names[] = {
#define X(id, name) name,
    RS_STEP_KINDS(X)
#undef X
  };
  return (unsigned)k < RS_STEP_NKINDS ? names[k] : "?";
}

const char *rs_effect_kind_name(rs_effect_kind k) {
  static const char *const names[] = {
#define X(id, name) name,
    RS_EFFECT_KINDS(X)
#undef X
  };
  return (unsigned)k < RS_EFF_NKINDS ? names[k] : "?";
}

const char *rs_loc_name(rs_loc l) {
  static const char *const names[] = {
#define X(id, name) name,
    RS_LOCS(X)
#undef X
  };
  return (unsigned)l < RS_NLOCS ? names[l] : "?";
}

bool rs_loc_is_hidden(rs_loc l) {
  return (l >= RS_LOC_ES_BASE && l <= RS_LOC_GS_ATTR) || l == RS_LOC_TR_BASE ||
         l == RS_LOC_TR_LIMIT || l == RS_LOC_TR_ATTR;
}

const char *rs_dev_field_name(rs_dev_field f) {
  static const char *const names[] = {
#define X(id, name) name,
    RS_DEV_FIELDS(X)
#undef X
  };
  return (unsigned)f < RS_NDEV ? names[f] : "?";
}

const char *rs_why_text(rs_why w) {
  static const char *const texts[] = {
#define X(id, text) text,
    RS_WHYS(X)
#undef X
  };
  return (unsigned)w < RS_NWHY ? texts[w] : "";
}

const char *rs_why_id(rs_why w) {
  static const char *const ids[] = {
#define X(id, text) #id,
    RS_WHYS(X)
#undef X
  };
  return (unsigned)w < RS_NWHY ? ids[w] : "";
}
