#ifndef CMicroHTTPD_SHIM_H
#define CMicroHTTPD_SHIM_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <signal.h>
#include <pthread.h>
#include <microhttpd.h>

/* Swift cannot call C variadic functions or combine C enum flags, so the daemon is started here. */

/// Starts a daemon on 127.0.0.1:port (0 = a free port) with an internal epoll thread pool, suspend/resume,
/// turbo mode (no shutdown() before close, so SO_LINGER {1,0} turns a close into a real RST) and no
/// automatic Date header (the simulator writes its own from its clock).
static inline struct MHD_Daemon *oktasim_start_daemon(
    uint16_t port, unsigned int threads, unsigned int connection_limit, unsigned int timeout_seconds,
    MHD_AccessHandlerCallback handler, void *handler_cls,
    MHD_RequestCompletedCallback completed, void *completed_cls) {
  struct sockaddr_in local;
  memset(&local, 0, sizeof(local));
  local.sin_family = AF_INET;
  local.sin_port = htons(port);
  local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  struct MHD_OptionItem options[] = {
    {MHD_OPTION_SOCK_ADDR, 0, &local},
    {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, completed_cls},
    {MHD_OPTION_CONNECTION_LIMIT, (intptr_t)connection_limit, NULL},
    {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)timeout_seconds, NULL},
    {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)threads, NULL},
    {MHD_OPTION_END, 0, NULL},
  };
  unsigned int flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_TURBO
      | MHD_USE_SUPPRESS_DATE_NO_CLOCK;
  /* The server threads inherit this thread's signal mask: block the signals a host process (the shell's
     Ctrl-C handling, which needs SIGINT to interrupt its own read) expects to receive on its own threads. */
  sigset_t blocked, previous;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGINT);
  sigaddset(&blocked, SIGTERM);
  sigaddset(&blocked, SIGQUIT);
  sigaddset(&blocked, SIGHUP);
  sigaddset(&blocked, SIGWINCH);
  sigaddset(&blocked, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &blocked, &previous);
  /* MHD copies the sockaddr while binding, so a stack address is fine. */
  struct MHD_Daemon *daemon = MHD_start_daemon(flags, port, NULL, NULL, handler, handler_cls,
                                               MHD_OPTION_ARRAY, options, MHD_OPTION_END);
  pthread_sigmask(SIG_SETMASK, &previous, NULL);
  return daemon;
}

/// The port the daemon is bound to.
static inline uint16_t oktasim_daemon_port(struct MHD_Daemon *daemon) {
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info ? info->port : 0;
}

/// Arms the connection's socket so that closing it sends RST instead of FIN.
static inline int oktasim_arm_reset(struct MHD_Connection *connection) {
  const union MHD_ConnectionInfo *info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
  if (info == NULL) return -1;
  struct linger l = {1, 0};
  return setsockopt(info->connect_fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
}

static inline enum MHD_Result oktasim_yes(void) { return MHD_YES; }
static inline enum MHD_Result oktasim_no(void) { return MHD_NO; }
#endif
