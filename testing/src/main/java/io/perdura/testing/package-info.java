/**
 * Testing workflows: {@code WorkflowReplayer} and the replay gate check recorded histories against
 * changed workflow code offline; {@code TestWorkflowEnvironment} runs workflows against an in-process
 * server whose clock skips ahead while every workflow waits on a timer.
 */
package io.perdura.testing;
