#ifndef CLibEdit_SHIM_H
#define CLibEdit_SHIM_H
#include <errno.h>
#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

// Swift cannot call C variadic functions or touch C globals such as stdin in Swift 6 mode, so these
// non-variadic wrappers are the whole surface Shell uses (see notes/libedit.md).

/// Starts libedit on stdin, with stderr as its output so that editing survives `oktabulk > file`.
static inline EditLine *oktabulk_el_init(const char *program) {
  setlocale(LC_CTYPE, "");
  return el_init(program, stdin, stderr, stderr);
}

static inline FILE *oktabulk_el_output(void) { return stderr; }

static inline int oktabulk_el_set_prompt(EditLine *el, char *(*prompt)(EditLine *)) {
  return el_set(el, EL_PROMPT, prompt);
}

static inline int oktabulk_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

static inline int oktabulk_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }

static inline int oktabulk_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

static inline void *oktabulk_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}

static inline int oktabulk_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

static inline int oktabulk_el_addfn(EditLine *el, const char *name, const char *help,
                                    unsigned char (*fn)(EditLine *, int)) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int oktabulk_el_bind(EditLine *el, const char *key, const char *fn) {
  return el_set(el, EL_BIND, key, fn, NULL);
}

static inline int oktabulk_hist_setsize(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}

static inline int oktabulk_hist_setunique(History *h, int unique) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, unique);
}

static inline int oktabulk_hist_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}

static inline int oktabulk_hist_save(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_SAVE, path);
}

static inline int oktabulk_hist_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}

/// Steps through the history: `H_LAST` (oldest) then `H_PREV` towards the newest. NULL when done.
static inline const char *oktabulk_hist_step(History *h, int first) {
  HistEvent ev;
  if (history(h, &ev, first ? H_LAST : H_PREV, 0) == -1) return NULL;
  return ev.str;
}

static inline int oktabulk_errno(void) { return errno; }

/// SIGINT without SA_RESTART, so that a blocked el_gets returns with EINTR.
static inline int oktabulk_install_sigint(void (*handler)(int)) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  return sigaction(SIGINT, &action, NULL);
}

static inline void oktabulk_flush_output(void) {
  fflush(stdout);
  fflush(stderr);
}

static inline int oktabulk_fputs_output(const char *text) { return fputs(text, stderr); }

#endif
