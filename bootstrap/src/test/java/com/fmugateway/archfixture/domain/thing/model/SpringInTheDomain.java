package com.fmugateway.archfixture.domain.thing.model;

/** Deliberate violation: the domain imports Spring. */
@org.springframework.stereotype.Component
public class SpringInTheDomain {}
