using Triage.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTriageService();

var app = builder.Build();
app.MapTriageApi();
await app.RunAsync();
