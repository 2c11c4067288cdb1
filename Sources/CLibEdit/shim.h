#ifndef CLibEdit_SHIM_H
#define CLibEdit_SHIM_H
#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

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

// Ctrl-C at the prompt. The signal may be handled on any thread (with an async main, the thread in
// el_gets is a dispatch worker that blocks SIGINT, and the main thread waits in sigsuspend), so an
// EINTR from read() cannot be relied on. Instead the handler writes a byte to a pipe, and the
// character reader below waits on stdin and that pipe together.
// No state lives here: a `static` in this header would be one copy per Swift object file.

/// Creates the wake pipe, both ends non-blocking and close-on-exec. 0 on success.
static inline int oktabulk_wake_pipe(int *read_end, int *write_end) {
  int ends[2];
  if (pipe(ends) != 0) return -1;
  for (int i = 0; i < 2; i++) {
    fcntl(ends[i], F_SETFL, fcntl(ends[i], F_GETFL) | O_NONBLOCK);
    fcntl(ends[i], F_SETFD, FD_CLOEXEC);
  }
  *read_end = ends[0];
  *write_end = ends[1];
  return 0;
}

/// Async-signal-safe: wakes a reader waiting in `oktabulk_read_char`.
static inline void oktabulk_wake(int write_fd) {
  if (write_fd < 0) return;
  int saved = errno;
  char byte = 1;
  ssize_t ignored = write(write_fd, &byte, 1);
  (void)ignored;
  errno = saved;
}

/// Forgets wake-ups from before this prompt (a Ctrl-C during the last command).
static inline void oktabulk_drain_wake(int read_fd) {
  char bytes[64];
  while (read_fd >= 0 && read(read_fd, bytes, sizeof bytes) > 0) {}
}

/// Waits until stdin has input (1) or Ctrl-C woke `wake_fd` (0, wake-up consumed); -1 on error.
static inline int oktabulk_wait_input(int wake_fd) {
  for (;;) {
    struct pollfd fds[2] = {{0, POLLIN, 0}, {wake_fd, POLLIN, 0}};
    int ready = poll(fds, wake_fd >= 0 ? 2 : 1, -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (wake_fd >= 0 && (fds[1].revents & POLLIN)) {
      oktabulk_drain_wake(wake_fd);
      return 0;
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) return 1;
  }
}

/// One character from stdin (UTF-8 decoded) for libedit's EL_GETCFN: 1, 0 at end of input, or -1
/// with errno EINTR when Ctrl-C woke `wake_fd`, which makes el_gets give up the line.
static inline int oktabulk_read_char(int wake_fd, wchar_t *out) {
  mbstate_t state;
  memset(&state, 0, sizeof state);
  for (;;) {
    int waited = oktabulk_wait_input(wake_fd);
    if (waited <= 0) {
      if (waited == 0) errno = EINTR;
      return -1;
    }
    char byte;
    ssize_t count = read(0, &byte, 1);
    if (count < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return -1;
    }
    if (count == 0) return 0;
    size_t decoded = mbrtowc(out, &byte, 1, &state);
    if (decoded == (size_t)-2) continue;  // more bytes of this character to come
    if (decoded == (size_t)-1) {          // not valid in the locale: pass the byte through
      memset(&state, 0, sizeof state);
      *out = (wchar_t)(unsigned char)byte;
    }
    return 1;
  }
}

/// Reads what stdin has (up to `size` bytes), waiting on `wake_fd` too: the count, 0 at end of input,
/// -1 on error, -2 when Ctrl-C woke the pipe. For scripts piped into the shell.
static inline ssize_t oktabulk_read_input(int wake_fd, char *buffer, size_t size) {
  for (;;) {
    int waited = oktabulk_wait_input(wake_fd);
    if (waited <= 0) return waited == 0 ? -2 : -1;
    ssize_t count = read(0, buffer, size);
    if (count < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    return count;
  }
}

static inline int oktabulk_el_set_reader(EditLine *el, int (*reader)(EditLine *, wchar_t *)) {
  return el_set(el, EL_GETCFN, reader);
}

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
