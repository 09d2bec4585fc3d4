package com.fmugateway.archfixture.adapter.out.fmi.sandbox.worker;

/** Deliberate violation: code of the worker JVM, whose class path has no Spring, imports Spring. */
@org.springframework.stereotype.Component
public class SpringInTheWorker {}
