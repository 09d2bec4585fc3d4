package com.fmugateway.archfixture.adapter.out.persistence;

/** Fixture: a persistence adapter class. */
public class SomeRepository {}
