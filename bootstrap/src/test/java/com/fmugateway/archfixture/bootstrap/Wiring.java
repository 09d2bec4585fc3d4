package com.fmugateway.archfixture.bootstrap;

/** Fixture: the composition root. */
public class Wiring {}
