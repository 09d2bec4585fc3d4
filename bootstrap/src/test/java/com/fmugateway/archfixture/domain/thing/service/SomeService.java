package com.fmugateway.archfixture.domain.thing.service;

/** Deliberate violation: a public class in a service package that implements no use case. */
public class SomeService {}
