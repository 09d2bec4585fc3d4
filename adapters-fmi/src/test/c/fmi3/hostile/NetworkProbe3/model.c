/*
 * Hostile test fixture (FMI 3.0 twin of hostile/NetworkProbe), never part of the model library:
 * fmi3DoStep opens a TCP connection to target ("IPv4:port") and sends "LEAK", as model code
 * exfiltrating data would, and reports whether the connection was made.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "model.h"

enum { VR_TIME, VR_TARGET, VR_CONNECTED, VR_ERROR, N_VARIABLES };

static const Variable VARIABLES[N_VARIABLES] = {
    [VR_TIME] = {.name = "time", .type = TYPE_FLOAT64, .causality = CAUSALITY_INDEPENDENT,
                 .variability = VARIABILITY_CONTINUOUS},
    [VR_TARGET] = {.name = "target", .type = TYPE_STRING, .causality = CAUSALITY_PARAMETER,
                   .variability = VARIABILITY_FIXED, .initial = INITIAL_EXACT, .text = "127.0.0.1:9"},
    [VR_CONNECTED] = {.name = "connected", .type = TYPE_INT32, .causality = CAUSALITY_OUTPUT,
                      .variability = VARIABILITY_DISCRETE, .initial = INITIAL_EXACT},
    [VR_ERROR] = {.name = "error", .type = TYPE_INT32, .causality = CAUSALITY_OUTPUT,
                  .variability = VARIABILITY_DISCRETE, .initial = INITIAL_EXACT},
};

static fmi3Status do_step(ModelInstance *inst, double tEnd, bool *event) {
    struct sockaddr_in address = {.sin_family = AF_INET};
    const char *target = V(inst, VR_TARGET).bytes;
    char host[64];
    int port, fd;

    (void)event;
    if (sscanf(target, "%63[^:]:%d", host, &port) != 2 || inet_pton(AF_INET, host, &address.sin_addr) != 1 ||
        port < 1 || port > 65535) {
        log_error(inst, "target must be IPv4:port, got \"%s\"", target);
        return fmi3Error;
    }
    address.sin_port = htons((uint16_t)port);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&address, sizeof address) == 0) {
        V(inst, VR_CONNECTED).i = 1;
        V(inst, VR_ERROR).i = 0;
        send(fd, "LEAK", 4, MSG_NOSIGNAL);
    } else {
        V(inst, VR_CONNECTED).i = 0;
        V(inst, VR_ERROR).i = errno;
    }
    if (fd >= 0) close(fd);
    inst->time = tEnd;
    return fmi3OK;
}

const Model MODEL = {.variables = VARIABLES, .nVariables = N_VARIABLES, .coSimulation = true, .doStep = do_step};
