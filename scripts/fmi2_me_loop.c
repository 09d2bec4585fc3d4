/*
 * The raw cost of one model-exchange derivative evaluation: an FMI 2.0 FMU instantiated for model
 * exchange and put in continuous-time mode, then, in a tight loop, the time and states set and the
 * derivatives read (what a solver master asks per right-hand side evaluation, and nothing else).
 * Built and run by scripts/benchmark-me.sh; prints "ns_per_evaluation" (median of the repeats).
 * Usage: fmi2_me_loop <binary.so> <resource-uri> <guid> <states> <evaluations> <repeats>
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fmi2Functions.h"

static void logger(fmi2ComponentEnvironment env, fmi2String instance, fmi2Status status,
                   fmi2String category, fmi2String message, ...) {
  (void)env; (void)instance; (void)status; (void)category; (void)message;
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

#define LOAD(name) \
  name##TYPE *name = (name##TYPE *)dlsym(so, #name); \
  if (!name) { fprintf(stderr, "no %s in %s\n", #name, argv[1]); return 1; }

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: %s so resource-uri guid states evaluations repeats\n", argv[0]);
    return 2;
  }
  void *so = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!so) { fprintf(stderr, "%s\n", dlerror()); return 1; }
  LOAD(fmi2Instantiate) LOAD(fmi2SetupExperiment) LOAD(fmi2EnterInitializationMode)
  LOAD(fmi2ExitInitializationMode) LOAD(fmi2NewDiscreteStates) LOAD(fmi2EnterContinuousTimeMode)
  LOAD(fmi2GetContinuousStates) LOAD(fmi2SetTime) LOAD(fmi2SetContinuousStates)
  LOAD(fmi2GetDerivatives) LOAD(fmi2Terminate) LOAD(fmi2FreeInstance)
  size_t nx = (size_t)atoi(argv[4]);
  long evaluations = atol(argv[5]);
  int repeats = atoi(argv[6]);
  double *x = calloc(nx, sizeof *x), *dx = calloc(nx, sizeof *dx), *x0 = calloc(nx, sizeof *x0);
  double *ns = malloc((size_t)repeats * sizeof *ns);
  fmi2CallbackFunctions callbacks = {logger, calloc, free, NULL, NULL};
  fmi2Component c = fmi2Instantiate("loop", fmi2ModelExchange, argv[3], argv[2], &callbacks,
                                    fmi2False, fmi2False);
  if (!c) { fprintf(stderr, "fmi2Instantiate failed\n"); return 1; }
  fmi2EventInfo info = {fmi2True};
  fmi2SetupExperiment(c, fmi2False, 0, 0, fmi2False, 0);
  fmi2EnterInitializationMode(c);
  fmi2ExitInitializationMode(c);
  while (info.newDiscreteStatesNeeded && !info.terminateSimulation) fmi2NewDiscreteStates(c, &info);
  fmi2EnterContinuousTimeMode(c);
  fmi2GetContinuousStates(c, x0, nx);
  double sink = 0;
  for (int r = 0; r < repeats; r++) {
    double start = now_ns();
    for (long i = 0; i < evaluations; i++) {
      /* A new point every time, as a solver's stages are, so nothing can be cached. */
      for (size_t k = 0; k < nx; k++) x[k] = x0[k] + 1e-9 * (double)(i % 7);
      if (fmi2SetTime(c, 1e-6 * (double)(i % 1000)) > fmi2Warning ||
          fmi2SetContinuousStates(c, x, nx) > fmi2Warning ||
          fmi2GetDerivatives(c, dx, nx) > fmi2Warning) {
        fprintf(stderr, "an evaluation failed\n");
        return 1;
      }
      sink += dx[0];
    }
    ns[r] = (now_ns() - start) / (double)evaluations;
  }
  fmi2Terminate(c);
  fmi2FreeInstance(c);
  qsort(ns, (size_t)repeats, sizeof *ns, by_value);
  /* sink keeps the compiler from dropping the reads; it never changes the figure. */
  printf("%.1f\n", ns[repeats / 2] + (sink == 42.4242 ? 1e-9 : 0));
  return 0;
}
