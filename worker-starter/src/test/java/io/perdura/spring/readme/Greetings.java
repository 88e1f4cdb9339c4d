package io.perdura.spring.readme;

import io.perdura.sdk.activity.ActivityInterface;

// README.md, first snippet
@ActivityInterface public interface Greetings { String compose(String name); }
