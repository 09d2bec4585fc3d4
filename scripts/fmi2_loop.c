/*
 * The floor under the engine: one FMI 2.0 co-simulation FMU driven by the plainest loop (instantiate,
 * set up, step, read the outputs into arrays, free), timed over many runs. Built and run by
 * scripts/benchmark-floor.sh; prints "median_ms p99_ms" twice: with logging off (loggingOn false, the
 * FMU's messages never made), then with logging on as the engine runs FMUs (loggingOn true, each
 * message formatted into a buffer, which is what any importer that keeps an FMU's messages does).
 * Usage: fmi2_loop <binary.so> <resource-uri> <guid> <model-identifier> <stop> <step> <runs> <vr>...
 */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fmi2Functions.h"

static char messages[64 * 1024];
static size_t messages_length;

static void logger(fmi2ComponentEnvironment env, fmi2String instance, fmi2Status status,
                   fmi2String category, fmi2String message, ...) {
  (void)env; (void)instance; (void)status; (void)category;
  if (messages_length >= sizeof messages - 1024) messages_length = 0;
  va_list args;
  va_start(args, message);
  int n = vsnprintf(messages + messages_length, 1024, message, args);
  va_end(args);
  if (n > 0) messages_length += (size_t)(n < 1024 ? n : 1023) + 1;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

#define LOAD(name) \
  name##TYPE *name = (name##TYPE *)dlsym(so, #name); \
  if (!name) { fprintf(stderr, "no %s in %s\n", #name, argv[1]); return 1; }

int main(int argc, char **argv) {
  if (argc < 9) {
    fprintf(stderr, "usage: %s so resource-uri guid model stop step runs vr...\n", argv[0]);
    return 2;
  }
  void *so = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!so) { fprintf(stderr, "%s\n", dlerror()); return 1; }
  LOAD(fmi2Instantiate) LOAD(fmi2SetupExperiment) LOAD(fmi2EnterInitializationMode)
  LOAD(fmi2ExitInitializationMode) LOAD(fmi2DoStep) LOAD(fmi2GetReal) LOAD(fmi2Terminate)
  LOAD(fmi2FreeInstance)
  double stop = atof(argv[5]), step = atof(argv[6]);
  int runs = atoi(argv[7]);
  size_t nvr = (size_t)(argc - 8);
  fmi2ValueReference *vr = malloc(nvr * sizeof *vr);
  for (size_t i = 0; i < nvr; i++) vr[i] = (fmi2ValueReference)atoi(argv[8 + i]);
  long steps = (long)(stop / step + 0.5);
  double *samples = malloc((size_t)(steps + 1) * (nvr + 1) * sizeof *samples);
  double *times = malloc((size_t)runs * sizeof *times);
  fmi2CallbackFunctions callbacks = {logger, calloc, free, NULL, NULL};
  for (int logging = 0; logging <= 1; logging++) {
    for (int r = 0; r < runs; r++) {
      double start = now_ms();
      fmi2Component c = fmi2Instantiate("loop", fmi2CoSimulation, argv[3], argv[2], &callbacks,
                                        fmi2False, logging ? fmi2True : fmi2False);
      if (!c) { fprintf(stderr, "fmi2Instantiate failed\n"); return 1; }
      fmi2SetupExperiment(c, fmi2False, 0, 0, fmi2True, stop);
      fmi2EnterInitializationMode(c);
      fmi2ExitInitializationMode(c);
      double *row = samples;
      row[0] = 0;
      fmi2GetReal(c, vr, nvr, row + 1);
      for (long i = 1; i <= steps; i++) {
        if (fmi2DoStep(c, (i - 1) * step, step, fmi2True) > fmi2Warning) {
          fprintf(stderr, "fmi2DoStep failed at step %ld\n", i);
          return 1;
        }
        row += nvr + 1;
        row[0] = i * step;
        fmi2GetReal(c, vr, nvr, row + 1);
      }
      fmi2Terminate(c);
      fmi2FreeInstance(c);
      times[r] = now_ms() - start;
    }
    qsort(times, (size_t)runs, sizeof *times, by_value);
    printf("%.4f %.4f%s", times[runs / 2], times[(int)(runs * 0.99) < runs ? (int)(runs * 0.99) : runs - 1],
           logging ? "\n" : " ");
  }
  return 0;
}
