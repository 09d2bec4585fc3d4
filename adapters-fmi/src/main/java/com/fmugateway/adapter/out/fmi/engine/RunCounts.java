package com.fmugateway.adapter.out.fmi.engine;

/** The work a master did: integrator or co-simulation steps, and handled events. */
record RunCounts(long steps, long events) {}
