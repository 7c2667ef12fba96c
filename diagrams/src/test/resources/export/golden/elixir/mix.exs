defmodule MyShop.MixProject do
  use Mix.Project

  def project do
    [
      app: :my_shop,
      version: "0.1.0",
      elixir: "~> 1.14",
      start_permanent: Mix.env() == :prod,
      deps: []
    ]
  end

  def application do
    [
      extra_applications: [:logger],
      mod: {MyShop.Application, []}
    ]
  end
end
