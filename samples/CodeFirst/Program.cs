using Mesh.Builders;
using Mesh.Model;
using Mesh.Serialization;
using Mesh.Validation;

// A canary: 90% of reviews traffic to v1, 10% to v2, with retries and a timeout.
var mesh = MeshBuilder.Create("reviews-canary")
    .Service("reviews.bookinfo", s => s
        .Port(9080, Protocol.Http, "http")
        .Subset("v1", "version", "v1")
        .Subset("v2", "version", "v2"))
    .Route("reviews.bookinfo", r => r.Rule(rule => rule
        .To("reviews.bookinfo", "v1", weight: 90)
        .To("reviews.bookinfo", "v2", weight: 10)
        .Timeout(TimeSpan.FromSeconds(2))
        .Retry(3, TimeSpan.FromMilliseconds(500), RetryCondition.ServerError, RetryCondition.ConnectFailure)))
    .DestinationPolicy("reviews.bookinfo", p => p
        .LoadBalancer(LoadBalancer.LeastRequest)
        .OutlierDetection(new OutlierDetection { Consecutive5xx = 5, Interval = TimeSpan.FromSeconds(10) }))
    .Mtls(MtlsScope.ForNamespace("bookinfo"), MtlsMode.Strict)
    .Build();

foreach (var problem in MeshValidator.Validate(mesh)) Console.Error.WriteLine(problem);
Console.Write(MeshYaml.Write(mesh));
