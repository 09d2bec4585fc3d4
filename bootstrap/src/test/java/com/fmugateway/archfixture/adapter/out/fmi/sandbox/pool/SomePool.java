package com.fmugateway.archfixture.adapter.out.fmi.sandbox.pool;

/** Fixture: a class of the sandbox's worker pool. */
public class SomePool {}
