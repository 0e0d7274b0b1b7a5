// Each test class that hosts its own site seeds a store and trains the recommender; on a 2-core machine running
// them side by side starves the browsers and makes waits flaky. One at a time is faster overall.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
