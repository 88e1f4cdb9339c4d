package io.perdura.spring.readme;

import io.perdura.spring.ActivityImpl;

// README.md, first snippet
@ActivityImpl(taskQueue = "samples") public class GreetingsActivities implements Greetings {
  public String compose(String name) { return "Hello, " + name + "!"; }
}
