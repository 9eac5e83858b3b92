using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Triage.Benchmarks.PolicyBenchmarks).Assembly).Run(args);
